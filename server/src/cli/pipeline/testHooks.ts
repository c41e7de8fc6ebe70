// Test hooks of the worker threads (the CLI's pipeline and the language server's .docx/.pdf reader;
// their tests only): a file whose name contains DISCLOSURE_REPORT_TEST_HANG hangs, or one with
// DISCLOSURE_REPORT_TEST_EXPLODE exhausts memory, inside the worker, as a PDF library stuck in a
// loop or a zip bomb would. DISCLOSURE_REPORT_TEST_HANG_IN=check hangs in the check pass only.

const hangOn = process.env.DISCLOSURE_REPORT_TEST_HANG;
const hangIn = process.env.DISCLOSURE_REPORT_TEST_HANG_IN;
const explodeOn = process.env.DISCLOSURE_REPORT_TEST_EXPLODE;

export function misbehaveForTests(file: string, pass?: string): void {
  if (hangOn && file.includes(hangOn) && (!hangIn || hangIn === pass)) for (;;);
  if (explodeOn && file.includes(explodeOn)) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1 << 20).fill(1));
  }
}
