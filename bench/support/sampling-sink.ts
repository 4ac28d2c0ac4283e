/**
 * The mail benchmarks' SMTP sink, in a child process of its own so that receiving does not share the
 * measured process's CPU: it counts messages, parses only the first few of each run (parsing every
 * message caps a sink at ~350-400/s) so the benchmark can check what was sent, and says when a run's
 * target count has arrived.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface SampledMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

type SinkMessage = { type: "port"; port: number } | { type: "ready" } | ({ type: "sample" } & SampledMail) | { type: "done" };

export interface SamplingSink {
  url: string;
  /** Parsed copies of the first messages of the current run (as many as `timed` was asked to sample). */
  samples: SampledMail[];
  /**
   * Tells the sink to expect `target` messages (sampling the first `sample`), calls `start`, and resolves with
   * the milliseconds from then until the last message arrived; `start`'s returned function runs after that.
   */
  timed(target: number, sample: number, start: () => Promise<() => Promise<void>>): Promise<number>;
  stop(): void;
}

const self = fileURLToPath(import.meta.url);

export async function startSamplingSink(): Promise<SamplingSink> {
  const child: ChildProcess = fork(self, ["--sink"], { execArgv: ["--import", "tsx"], env: { ...process.env, LOG_LEVEL: "silent" } });
  const next = (type: SinkMessage["type"]) =>
    new Promise<SinkMessage>((resolve) =>
      child.on("message", function listener(message: SinkMessage) {
        if (message.type !== type) return;
        child.off("message", listener);
        resolve(message);
      }),
    );
  const { port } = (await next("port")) as Extract<SinkMessage, { type: "port" }>;
  const samples: SampledMail[] = [];
  child.on("message", (message: SinkMessage) => {
    if (message.type === "sample") samples.push({ to: message.to, subject: message.subject, text: message.text, html: message.html });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    samples,
    async timed(target, sample, start) {
      const ready = next("ready");
      child.send({ target, sample });
      await ready;
      const done = next("done");
      const started = performance.now();
      const finish = await start();
      await done;
      const ms = performance.now() - started;
      await finish();
      return ms;
    },
    stop() {
      if (child.connected) child.disconnect();
      child.kill();
    },
  };
}

async function runSink() {
  const { SMTPServer } = await import("smtp-server");
  const { simpleParser } = await import("mailparser");
  const send = (message: SinkMessage) => process.send?.(message);
  let count = 0;
  let target = Infinity;
  let sample = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const keep = sample > 0;
      if (keep) sample -= 1;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      stream.on("end", () => {
        count += 1;
        if (keep) {
          void simpleParser(Buffer.concat(chunks)).then((mail) =>
            send({
              type: "sample",
              to: [mail.to].flat().map((address) => address?.text ?? "").join(","),
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
            }),
          );
        }
        if (count === target) send({ type: "done" });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1", () => send({ type: "port", port: (server.server.address() as { port: number }).port }));
  process.on("message", (message: { target: number; sample: number }) => {
    count = 0;
    target = message.target;
    sample = message.sample;
    send({ type: "ready" });
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

if (process.argv[1] === self && process.argv[2] === "--sink") await runSink();
