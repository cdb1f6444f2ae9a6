// The advice every index error ends with, shared by the stage's folders (vector, lexical, artifact).
export const REBUILD_HINT = 'run `npx beschluss index` or start the server to rebuild it';
