#!/usr/bin/env node
// Entry of the `modulon` command. Modulon's backend runs on Node 24 (the version Electron 45
// embeds, and the one better-sqlite3 13's prebuilt binaries need); npm installs it as the
// devDependency `node`. Under npm/npx it is already first on PATH; otherwise we re-launch on it.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = join(__dirname, 'main.ts');
const args = process.argv.slice(2);
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  import(pathToFileURL(entry).href).then(
    (m) => m.main(args).then((code) => { process.exitCode = code; }),
    (e) => { console.error(`modulon: internal error: ${e && e.stack ? e.stack : e}`); process.exitCode = 1; },
  );
} else {
  const node24 = join(__dirname, '..', '..', 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node24)) {
    console.error(`modulon: needs Node 24 or newer (this is ${process.version}); run npm install in ${join(__dirname, '..', '..')} to get it`);
    process.exit(1);
  }
  const child = spawnSync(node24, [entry, ...args], { stdio: 'inherit' });
  process.exit(child.status === null ? 1 : child.status);
}
