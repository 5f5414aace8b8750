/**
 * PrimeVue's styled mode writes its <style> tags into the page's document.head and offers no way
 * to target a shadow root. Inside the content script that would leave our panel unstyled and
 * restyle CStoreOffice's own page. So we copy each PrimeVue style into the shadow root (with `:root`
 * rewritten to `:host`, where the theme's --p-* variables must live) and switch the page's copy off.
 */
const SELECTOR = 'style[data-primevue-style-id]';

function rewriteForShadowRoot(css: string): string {
  return css.replace(/:root\b/g, ':host');
}

export function mirrorPrimeVueStyles(target: ShadowRoot, doc: Document = document): () => void {
  const holder = doc.createElement('div');
  holder.setAttribute('data-primevue-mirror', '');
  holder.hidden = true;
  target.prepend(holder);
  const copies = new Map<Element, HTMLStyleElement>();

  const sync = () => {
    for (const original of doc.head.querySelectorAll<HTMLStyleElement>(SELECTOR)) {
      let copy = copies.get(original);
      if (!copy) {
        copy = doc.createElement('style');
        copy.dataset.mirrorOf = original.dataset.primevueStyleId ?? '';
        holder.append(copy);
        copies.set(original, copy);
      }
      const css = rewriteForShadowRoot(original.textContent ?? '');
      if (copy.textContent !== css) copy.textContent = css;
      // The page keeps the tag (PrimeVue updates it in place) but no longer applies it.
      if (original.media !== 'not all') original.media = 'not all';
    }
    for (const [original, copy] of copies) {
      if (!original.isConnected) {
        copy.remove();
        copies.delete(original);
      }
    }
  };

  const observer = new MutationObserver(sync);
  observer.observe(doc.head, { childList: true, subtree: true, characterData: true });
  sync();
  return () => {
    observer.disconnect();
    holder.remove();
  };
}
