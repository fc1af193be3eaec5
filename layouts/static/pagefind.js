// Pagefind's API as the search page's UI loads it (its bundlePath is this folder): Pagefind's own, from the
// archive's first part at ../pagefind/, with the archive's out-of-date entries taken out. pagefind/bundles.json
// names them (pages edited since the archive was indexed, whose text of now another bundle holds, and pages
// removed), each as [id, the page's URL as indexed, its filter values]; the UI hands them over with its options
// (newsdigestHidden), which Pagefind itself is not given. They are left out of every answer and out of the
// filters' counts, and a filter value only they had is offered no more. Pagefind's ids are unique within one
// bundle only, so a result with a hidden id is left out only when its URL is the hidden entry's too.
import * as pagefind from "../pagefind/pagefind.js";
export * from "../pagefind/pagefind.js";

let hidden = new Map();   // id -> [[URL, filter values], ...]
let totals = null;        // every filter value's count, the hidden entries' taken out
let gone = {};            // filter -> the values only hidden entries had

function subtract(counts, values) {   // counts: {filter: {value: n}}; values: {filter: [value]}
  for (const [name, list] of Object.entries(values || {})) {
    for (const value of list) {
      if (counts && counts[name] && counts[name][value] > 0) { counts[name][value] -= 1; }
    }
  }
}

function drop(counts) {
  for (const [name, values] of Object.entries(gone)) {
    for (const value of values) { if (counts && counts[name]) { delete counts[name][value]; } }
  }
}

export async function options(given) {
  const { newsdigestHidden, ...rest } = given || {};
  if (newsdigestHidden) {
    hidden = new Map();
    for (const [id, url, values] of newsdigestHidden) {
      hidden.set(id, [...(hidden.get(id) || []), [url, values]]);
    }
    totals = null;
  }
  return pagefind.options(rest);
}

export async function mergeIndex(path, given) {
  totals = null;
  return pagefind.mergeIndex(path, given);
}

export async function filters() {
  if (totals === null) {
    const counted = JSON.parse(JSON.stringify(await pagefind.filters()));
    for (const entries of hidden.values()) {
      for (const [, values] of entries) { subtract(counted, values); }
    }
    gone = {};
    for (const [name, values] of Object.entries(counted || {})) {
      gone[name] = Object.keys(values).filter((value) => values[value] === 0);
    }
    drop(counted);
    totals = counted;
  }
  return JSON.parse(JSON.stringify(totals));
}

async function outOfDate(result) {   // the hidden entry's filter values, or null when the result is not hidden
  const entries = hidden.get(result.id);
  if (!entries) { return null; }
  const data = await result.data();   // (Pagefind keeps it: the UI's own call for it fetches nothing more)
  const found = entries.find(([url]) => url === (data.raw_url || data.url));
  return found ? found[1] : null;
}

export async function search(term, given) {
  const found = await pagefind.search(term, given);
  if (found && Array.isArray(found.results)) {
    if (totals === null) { await filters(); }
    const verdicts = await Promise.all(found.results.map(outOfDate));
    found.results = found.results.filter((result, i) => {
      if (verdicts[i] === null) { return true; }
      subtract(found.filters, verdicts[i]);
      return false;
    });
    drop(found.filters);
    drop(found.totalFilters);
  }
  return found;
}
