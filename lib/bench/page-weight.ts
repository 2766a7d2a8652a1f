/** Where a server-rendered page's bytes go: the React (flight) data that hydrates it, other inline scripts, and the markup. */
export interface PageWeight {
  total: number;
  flightData: number;
  otherScripts: number;
  markup: number;
}

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

export function pageWeight(html: string): PageWeight {
  const total = Buffer.byteLength(html);
  let flightData = 0;
  let otherScripts = 0;
  for (const [whole, body] of html.matchAll(SCRIPT)) {
    const bytes = Buffer.byteLength(whole);
    if (body.includes("self.__next_f")) flightData += bytes;
    else otherScripts += bytes;
  }
  return { total, flightData, otherScripts, markup: total - flightData - otherScripts };
}
