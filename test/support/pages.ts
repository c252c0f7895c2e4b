/** Every page of a keyset listing, following cursors until the last page. */
export async function allPages<Item>(
  fetch: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): Promise<{ pages: Item[][]; cursors: (string | null)[] }> {
  const pages: Item[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await fetch(cursor);
    pages.push(page.items);
    cursors.push(page.nextCursor);
    if (page.nextCursor === null) return { pages, cursors };
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}
