// Entry of the compiled worker (build/portal/worker.js): production unless told otherwise, as for the server.
process.env.NODE_ENV ||= "production";
await import("./worker");

export {};
