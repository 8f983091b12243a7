#!/usr/bin/env node
// The `isotrack-codegen` command. A committed file (not the build output itself),
// so that `npm ci` links the command in a fresh clone before anything is built.
import '../dist/codegen-cli.js';
