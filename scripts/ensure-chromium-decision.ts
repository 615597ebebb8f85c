export const defaultChromiumPath = '/usr/bin/chromium';
export const installCommand = 'apt-get update && apt-get install -y chromium';
export const missingMessage = `Chromium is missing. Install it with: ${installCommand}`;

export type ChromiumState = {
  /** The binary exists and answered `--version`. */
  runs: boolean;
  isRoot: boolean;
  installAttempted: boolean;
  /** CHROMIUM_PATH points somewhere else, where apt-get would not install. */
  customPath: boolean;
};

export type ChromiumAction = 'ready' | 'install' | 'give-up';

export function chromiumPath(env: Record<string, string | undefined>): string {
  return env.CHROMIUM_PATH || defaultChromiumPath;
}

export function decideChromiumAction(state: ChromiumState): ChromiumAction {
  if (state.runs) return 'ready';
  if (state.isRoot && !state.installAttempted && !state.customPath) return 'install';
  return 'give-up';
}
