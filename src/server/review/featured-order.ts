/**
 * Reads the console's ordering form into a new order of essay ids. Pure: the form is a map of its
 * fields, the current order a list of ids.
 */

/**
 * move=<id>:up|down swaps one essay with its neighbour; otherwise rank_<id> numbers sort the
 * essays (ties and blanks keep their current relative order, so a half-filled form does no harm).
 */
export function orderFromForm(current: readonly number[], fields: ReadonlyMap<string, string>): number[] {
  const move = /^(\d+):(up|down)$/.exec(fields.get('move') ?? '');
  if (move) {
    const order = [...current];
    const at = order.indexOf(Number(move[1]));
    const to = move[2] === 'up' ? at - 1 : at + 1;
    if (at >= 0 && to >= 0 && to < order.length) [order[at], order[to]] = [order[to]!, order[at]!];
    return order;
  }
  const rank = (id: number, index: number) => {
    const value = Number((fields.get(`rank_${id}`) ?? '').trim());
    return Number.isFinite(value) && value > 0 ? value : index + 1;
  };
  return current
    .map((id, index) => ({ id, index, rank: rank(id, index) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.id);
}
