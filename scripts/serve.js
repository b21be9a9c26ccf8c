/**
 * Serving the built add-in on localhost:3000: the https options (Office only sideloads https pages) and a small
 * static file server for dist/. Used by webpack.config.js (dev server) and scripts/start.js (`npm start`).
 */
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const PORT = 3000;
const HOST = "localhost";

/**
 * The Office dev certificates when they are already installed and trusted; otherwise null (serve plain http).
 * office-addin-dev-certs would install a missing CA itself, but that runs sudo and may sit waiting for a password,
 * so here it is only used when `npx office-addin-dev-certs install` has been run once by hand.
 */
async function devHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (!devCerts.verifyCertificates()) return null;
    return await devCerts.getHttpsServerOptions();
  } catch {
    return null;
  }
}

/** The one line printed when falling back to http. */
const HTTP_FALLBACK_NOTE =
  "No trusted Office dev certificate: serving plain http. Excel sideloading needs https — run `npx office-addin-dev-certs install` once (admin rights), then restart.";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Maps a request path to a file inside root, or null when it would escape root (../, encoded or not). */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  const rootWithSep = path.resolve(root) + path.sep;
  if (file !== path.resolve(root) && !file.startsWith(rootWithSep)) return null;
  return file;
}

function handler(root) {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = resolveInside(root, req.url || "/");
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, "taskpane.html");
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
      // A rebuilt bundle must reach Office's web view, which caches aggressively.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  };
}

/**
 * Serves root on host:port, over https when httpsOptions is given. Resolves with the listening server and its base
 * URL; rejects with a readable error when the port is taken.
 */
function serveDirectory(root, { port = PORT, host = HOST, httpsOptions = null } = {}) {
  const server = httpsOptions
    ? https.createServer(httpsOptions, handler(root))
    : http.createServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once("error", (error) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is already in use (another \`npm start\` or dev server?). Stop it and retry.`,
            )
          : error,
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      const shownPort = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `${httpsOptions ? "https" : "http"}://${host}:${shownPort}` });
    });
  });
}

module.exports = { PORT, HOST, HTTP_FALLBACK_NOTE, devHttpsOptions, serveDirectory, resolveInside };
