// Pagefind's API as the search page's UI loads it (its bundlePath is this folder): Pagefind's own, from the
// archive's bundle at ../pagefind/, with the archive's out-of-date entries taken out. pagefind/bundles.json
// names them (pages edited since the archive was indexed, whose text of now another bundle holds, and pages
// removed), each with its filter values; the UI hands them over with its options (newsdigestHidden), which
// Pagefind itself is not given. They are left out of every answer, and out of the filters' counts; a filter
// value only they had is offered no more. An entry two bundles hold alike (the same id) is listed once.
import * as pagefind from "../pagefind/pagefind.js";
export * from "../pagefind/pagefind.js";

let hidden = {};
let gone = {};   // filter -> the values only hidden entries had

function subtract(counts, values) {   // counts: {filter: {value: n}}; values: {filter: [value]}
  for (const [name, list] of Object.entries(values || {})) {
    for (const value of list) {
      if (counts && counts[name] && counts[name][value] > 0) { counts[name][value] -= 1; }
    }
  }
}

function drop(counts) {
  for (const [name, values] of Object.entries(gone || {})) {
    for (const value of values) { if (counts && counts[name]) { delete counts[name][value]; } }
  }
}

export async function options(given) {
  const { newsdigestHidden, ...rest } = given || {};
  if (newsdigestHidden) { hidden = newsdigestHidden; totals = null; }
  return pagefind.options(rest);
}

export async function mergeIndex(path, given) {
  totals = null;
  return pagefind.mergeIndex(path, given);
}

let totals = null;   // every filter value's count, the hidden entries' taken out

export async function filters() {
  if (totals === null) {
    const counted = JSON.parse(JSON.stringify(await pagefind.filters()));
    for (const values of Object.values(hidden)) { subtract(counted, values); }
    gone = {};
    for (const [name, values] of Object.entries(counted || {})) {
      gone[name] = Object.keys(values).filter((value) => values[value] === 0);
    }
    drop(counted);
    totals = counted;
  }
  return JSON.parse(JSON.stringify(totals));
}

export async function search(term, given) {
  const found = await pagefind.search(term, given);
  if (found && Array.isArray(found.results)) {
    if (totals === null) { await filters(); }
    const listed = new Set();
    found.results = found.results.filter((result) => {
      if (Object.prototype.hasOwnProperty.call(hidden, result.id)) {
        subtract(found.filters, hidden[result.id]);
        return false;
      }
      if (listed.has(result.id)) { return false; }
      listed.add(result.id);
      return true;
    });
    drop(found.filters);
    drop(found.totalFilters);
  }
  return found;
}
