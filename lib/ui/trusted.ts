/**
 * The manager sits on CStoreOffice's page, where any script of that page can find its buttons and
 * call `.click()` on them. Writing and destructive actions run only for events a person caused
 * (`isTrusted`): a script's synthetic click does nothing.
 */

/** Set only by the component tests' setup (happy-dom's clicks are synthetic); never in a build. */
const ALLOW_SYNTHETIC = '__qsmAllowSyntheticClicks';

export function whenTrusted<A extends unknown[]>(action: (...args: A) => void): (event: Event, ...args: A) => void {
  return (event, ...args) => {
    if (event.isTrusted || (globalThis as Record<string, unknown>)[ALLOW_SYNTHETIC] === true) action(...args);
  };
}
