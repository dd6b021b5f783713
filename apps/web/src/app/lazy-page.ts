import { type ComponentType, lazy } from 'react';

/**
 * A page loaded with its own chunk the first time its route is visited. Sign-in and the signed-in shell are lazy too:
 * a visitor without a session loads the sign-in form without the shell's menu and icons, a signed-in user the shell
 * and home without the sign-in form. `npm run bench:web` measures both first pages.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
