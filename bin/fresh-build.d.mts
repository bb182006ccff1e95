/** Whether the prebuilt CLI under `root`/dist/cli is newer than every source it was built from. */
export function isFreshBuild(root: URL, env?: NodeJS.ProcessEnv): boolean;
