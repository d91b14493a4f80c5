// One list of cards kept current by live updates (the inbox's reviews, the posts): every item is the full JSON the
// API and the socket send, with an id and a version. An update older than what is shown is dropped (it arrived
// late); a newer one re-renders its card in place; an item not shown yet is admitted or not by the caller's rule
// and put where the caller's order says.

/**
 * @param {{element: Element, createCard: Function, renderCard: Function, placeOf?: Function}} options
 *   placeOf(item) gives the index a new item belongs at among ids() (−1: not shown now); default: first.
 */
export function createLiveList({ element, createCard, renderCard, placeOf = () => 0 }) {
  const items = new Map(); // id → latest item
  const cards = new Map(); // id → <li>
  let order = []; // ids as shown

  function isOlder(item) {
    const known = items.get(item.id);
    return !!known && item.version < known.version;
  }

  /**
   * Renders the item into its card (made on first sight) and shows it when it is not shown yet: at the end with
   * append, else where placeOf says. enter(card) runs for a card that has just been made and shown. True when the
   * item was not shown before.
   */
  function upsert(item, { append = false, force = false, enter = null } = {}) {
    if (!force && isOlder(item)) return false;
    items.set(item.id, item);
    let card = cards.get(item.id);
    const isNew = !card;
    if (isNew) {
      card = createCard(item);
      cards.set(item.id, card);
    }
    renderCard(card, item);
    if (order.includes(item.id)) return false;

    const index = append ? order.length : placeOf(item);
    if (index === -1) { // not shown now (e.g. older than everything loaded: it waits for "load more")
      items.delete(item.id);
      cards.delete(item.id);
      return false;
    }
    const before = index < order.length ? cards.get(order[index]) : null;
    order.splice(index, 0, item.id);
    element.insertBefore(card, before);
    if (enter && isNew) enter(card);
    return true;
  }

  /** A live update: 'stale' (older than shown), 'updated', 'inserted', or 'ignored' (admit said no). */
  function apply(item, { admit = () => true, enter = null } = {}) {
    if (isOlder(item)) return 'stale';
    if (items.has(item.id)) {
      upsert(item);
      return 'updated';
    }
    if (!admit(item)) return 'ignored';
    return upsert(item, { enter }) ? 'inserted' : 'ignored';
  }

  function remove(id) {
    const card = cards.get(id);
    if (card) card.remove();
    cards.delete(id);
    items.delete(id);
    order = order.filter(other => other !== id);
  }

  return {
    apply,
    upsert,
    remove,
    isOlder,
    get: id => items.get(id),
    card: id => cards.get(id),
    has: id => cards.has(id),
    /** The ids as shown (a copy). */
    ids: () => order.slice(),
    get size() { return order.length; },
    /** A fresh first page is coming: forget the order; the cards of ids still shown are kept and reused. */
    restart(keep = () => false) {
      for (const id of order) {
        if (!keep(id)) remove(id);
      }
      order = [];
    },
    /** Renders every card again (a language change; what someone is typing stays). */
    rerender() {
      for (const [id, card] of cards) renderCard(card, items.get(id));
    },
  };
}
