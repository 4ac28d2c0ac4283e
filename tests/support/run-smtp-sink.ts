import { createServer } from "node:http";
import { SmtpSink } from "./smtp-sink";

/**
 * The e2e suite's mail server: SMTP on SINK_SMTP_PORT, and what it received as JSON over HTTP on
 * SINK_HTTP_PORT (GET /messages, optionally ?to=address; GET /health) so browser tests can read their email.
 */
const smtpPort = Number(process.env.SINK_SMTP_PORT);
const httpPort = Number(process.env.SINK_HTTP_PORT);
const sink = await new SmtpSink().start(smtpPort);

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://sink");
  if (url.pathname === "/health") {
    res.end("ok");
  } else if (url.pathname === "/messages" && req.method === "GET") {
    // Tests poll for their own address; sending only its messages keeps each poll small as the run goes on.
    const to = url.searchParams.get("to");
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(to ? sink.received.filter((mail) => mail.to.includes(to)) : sink.received));
  } else {
    res.statusCode = 404;
    res.end();
  }
}).listen(httpPort, "127.0.0.1");

console.log(`SMTP sink on 127.0.0.1:${smtpPort}, messages at http://127.0.0.1:${httpPort}/messages`);
