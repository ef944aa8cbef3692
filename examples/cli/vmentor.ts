#!/usr/bin/env node
import { run } from "./program.js";

process.exitCode = await run(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
  {
    ...(process.env.VMENTOR_DB === undefined ? {} : { VMENTOR_DB: process.env.VMENTOR_DB }),
    ...(process.env.VMENTOR_ACTOR === undefined ? {} : { VMENTOR_ACTOR: process.env.VMENTOR_ACTOR }),
    ...(process.env.VMENTOR_PROGRAMME === undefined
      ? {}
      : { VMENTOR_PROGRAMME: process.env.VMENTOR_PROGRAMME }),
  },
);
