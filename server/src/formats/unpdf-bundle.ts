// The entry of server/out/unpdf.js: pdf.js through unpdf as a bundle of its own, loaded by the
// other Node bundles only when a PDF is read (esbuild.mjs says why).
export * from 'unpdf';
