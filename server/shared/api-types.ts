// Kept so that server modules importing '../../shared/api-types.js' keep compiling while they move to
// '../../shared/index.js' (issue 15). Declares nothing: the types live in the files index.ts lists.
export * from './index.js';
