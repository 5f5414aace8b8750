/**
 * PrimeVue's Select and Popover close their overlay when anything around them scrolls (their
 * ConnectedOverlayScrollHandler). In the manager the dialog and the table scroll all the time — a
 * wheel turn over the table, the dialog moving under an open Type filter — and a menu that vanishes
 * mid-choice loses the user's clicks. Here the overlay stays open and moves with its button
 * instead. The component's own listener methods are replaced on the instance: the behaviour lives
 * in PrimeVue's options-API methods, which offer no setting for it.
 */
import { type Ref, onBeforeUnmount, onMounted } from 'vue';

/** The two methods PrimeVue's overlay components call around showing, and the one that places the overlay. */
interface OverlayInternals {
  bindScrollListener?: () => void;
  unbindScrollListener?: () => void;
  alignOverlay?: () => void;
  $el?: Element | null;
}

/** Elements that scroll the anchor, across shadow roots, and the window. */
function scrollersOf(anchor: Element | null | undefined): EventTarget[] {
  const out: EventTarget[] = [];
  let node: Node | null | undefined = anchor?.parentNode;
  while (node) {
    if (node instanceof Element) {
      const { overflow, overflowX, overflowY } = getComputedStyle(node);
      if (/(auto|scroll)/.test(`${overflow}${overflowX}${overflowY}`)) out.push(node);
      node = node.parentNode;
    } else node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  out.push(window);
  return out;
}

export function useOverlayFollowsScroll(component: Readonly<Ref<object | null>>): void {
  let scrollers: EventTarget[] = [];
  let realign: (() => void) | null = null;
  const unbind = () => {
    if (realign) for (const s of scrollers) s.removeEventListener('scroll', realign);
    scrollers = [];
  };
  onMounted(() => {
    const overlay = component.value as OverlayInternals | null;
    if (!overlay) return;
    realign = () => overlay.alignOverlay?.();
    overlay.bindScrollListener = () => {
      unbind();
      scrollers = scrollersOf(overlay.$el);
      for (const s of scrollers) s.addEventListener('scroll', realign!, { passive: true });
    };
    overlay.unbindScrollListener = unbind;
  });
  onBeforeUnmount(unbind);
}
