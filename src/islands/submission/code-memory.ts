/**
 * The 报送码 survives a reload of the tab (sessionStorage) but never lands in the lasting draft:
 * an office PC shared by several people must not keep a unit's code.
 */
const key = (namespace: string) => `baosong-code:${namespace}`;

export function rememberCode(namespace: string, code: string): void {
  try {
    window.sessionStorage.setItem(key(namespace), code);
  } catch {
    // Storage refused (private window): the liaison types the code again after a reload.
  }
}

export function recallCode(namespace: string): string {
  try {
    return window.sessionStorage.getItem(key(namespace)) ?? '';
  } catch {
    return '';
  }
}

export function forgetCode(namespace: string): void {
  try {
    window.sessionStorage.removeItem(key(namespace));
  } catch {
    // As above.
  }
}
