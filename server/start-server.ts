// Entry of the compiled web server (build/portal/server.js), run with plain node: no wrapper sets
// NODE_ENV, so default it to production here, before the server and its packages are loaded.
process.env.NODE_ENV ||= "production";
await import("./index");

export {};
