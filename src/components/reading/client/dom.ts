/** A tiny element builder: the reading scripts create a few elements and nothing else. */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(attributes)) element.setAttribute(name, attributes[name] as string);
  element.textContent = text;
  return element;
}

/** NodeList.forEach is missing in some WeChat X5 builds; a plain loop works everywhere. */
export function each(root: ParentNode, selector: string, visit: (element: Element) => void): void {
  const found = root.querySelectorAll(selector);
  for (let i = 0; i < found.length; i += 1) visit(found[i] as Element);
}
