#!/usr/bin/env node
'use strict';
require('../build/cli/main')
  .main(process.argv.slice(2), process.stdout, process.stderr)
  .then((code) => { process.exitCode = code; });
