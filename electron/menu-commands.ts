// The shell's channels and menu commands, from the contract the page shares (src-engine/contract/shell.ts).
export * from '../src-engine/contract/shell.ts';
