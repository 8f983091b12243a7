/** A problem with the user's input, named by file: the CLI prints it and exits non-zero. */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';
}
