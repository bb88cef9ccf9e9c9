'use strict';
// Starts s3rver for the regfs tests (scripts/lib/s3rver.sh runs this; see there).
//
//   node run.js DATA_DIR READY_FILE REQUEST_LOG
//
// Environment: S3RVER_ACCESS_KEY_ID, S3RVER_SECRET_ACCESS_KEY (the only key pair the server
// accepts: SigV4 signatures are checked against it), S3RVER_BUCKETS (space separated buckets
// created at start), S3RVER_ADDRESS (default 127.0.0.1).
//
// It listens on a port the kernel picks (no guessing of a free port, no race with another
// server), and once it answers it writes "http://ADDRESS:PORT" to READY_FILE (via a rename,
// so a reader never sees half a line). Every request is appended to REQUEST_LOG as one line
//   <ISO time> <METHOD> <path?query> <status> <request bytes> <response bytes>
// so that tests and the benchmark can count what a client sent.

const fs = require('fs');
const path = require('path');
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');

const [dataDir, readyFile, requestLog] = process.argv.slice(2);
if (!dataDir || !readyFile || !requestLog) {
  console.error('usage: node run.js DATA_DIR READY_FILE REQUEST_LOG');
  process.exit(2);
}
const accessKeyId = process.env.S3RVER_ACCESS_KEY_ID;
const secret = process.env.S3RVER_SECRET_ACCESS_KEY;
if (!accessKeyId || !secret) {
  console.error('run.js: S3RVER_ACCESS_KEY_ID and S3RVER_SECRET_ACCESS_KEY must be set');
  process.exit(2);
}
const address = process.env.S3RVER_ADDRESS || '127.0.0.1';
const buckets = (process.env.S3RVER_BUCKETS || '').split(/\s+/).filter(Boolean);

// The built-in S3RVER/S3RVER pair must not work: only the configured one does.
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secret);

// Written synchronously, line by line, so a reader sees each request as soon as it is answered.
const logFd = fs.openSync(requestLog, 'a');

const server = new S3rver({
  address,
  port: 0,
  directory: dataDir,
  silent: true,
  // Path-style addressing only: the tests name the server by address, as LaminDB's
  // endpoint_url does for S3-compatible servers.
  vhostBuckets: false,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});

server.run((err, where) => {
  if (err) {
    console.error('run.js: s3rver did not start:', err);
    process.exit(1);
  }
  server.httpServer.on('request', (req, res) => {
    // Sizes from the headers: reading the body here would take it from s3rver.
    const received = Number(req.headers['content-length'] || 0);
    res.on('finish', () => {
      const sent = Number(res.getHeader('content-length') || 0);
      fs.writeSync(
        logFd,
        `${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode} ${received} ${sent}\n`,
      );
    });
  });
  const url = `http://${where.address}:${where.port}`;
  const tmp = `${readyFile}.tmp`;
  fs.writeFileSync(tmp, `${url}\n`);
  fs.renameSync(tmp, readyFile);
  console.log(`s3rver ${require('@20minutes/s3rver/package.json').version} listening on ${url}`);
});

function stop() {
  server.close(() => process.exit(0));
  // A client holding a keep-alive connection must not keep the server alive.
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
