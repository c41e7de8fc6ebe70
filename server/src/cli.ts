// Entry point of the `disclosure-report` command (bundled to server/out/cli.js by esbuild).
import { main } from './cli/main';

// `disclosure-report check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color,
  errIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
