// Talks to the Journey Explorer API. Endpoints that this server does not offer (yet) are recognised from its OpenAPI
// description, so the page shows "unavailable" for them without firing requests that can only fail.

export class Unavailable extends Error {}

const offered = fetch('/v3/api-docs', { headers: { Accept: 'application/json' } })
  .then(response => (response.ok ? response.json() : null))
  .then(doc => (doc && doc.paths
    ? Object.keys(doc.paths).map(path => new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '$'))
    : null))
  .catch(() => null);

/** True when the server describes the path (or has no description to ask). */
export async function offers(path) {
  const patterns = await offered;
  return patterns === null || patterns.some(pattern => pattern.test(path));
}

/** GET path?params as JSON; throws Unavailable for endpoints the server lacks, Error with the problem detail else. */
export async function getJson(path, params) {
  return askJson(path, params, { headers: { Accept: 'application/json' } });
}

/** POST path?params with {@code body} as JSON, answered as getJson answers (for questions that only read). */
export async function postJson(path, params, body) {
  return askJson(path, params, {
    method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
}

async function askJson(path, params, init) {
  if (!(await offers(path))) {
    throw new Unavailable(`${path} is not offered by this server yet`);
  }
  const query = params && params.toString() ? `?${params}` : '';
  let response = await send(path + query, init);
  // The server computes a few analyses at a time; beyond them it answers 429 with Retry-After: wait and ask again.
  for (let attempt = 0; response.status === 429 && attempt < 5; attempt++) {
    const seconds = Math.min(5, Number(response.headers.get('Retry-After')) || 1);
    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
    response = await send(path + query, init);
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    let problem = null;
    try {
      problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (ignored) { /* not a problem document */ }
    if (response.status === 404 && !detail.includes("'")) {
      throw new Unavailable(detail);
    }
    const error = new Error(detail);
    error.status = response.status;
    error.problem = problem;
    throw error;
  }
  return response.json();
}

/**
 * fetch, saying in words what a request that got no answer at all means (the server stopped, the network is down):
 * the browser's own "Failed to fetch" names neither.
 */
async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new Error('No answer from the server: it may have stopped, or the network is down; '
      + 'reload the page once it is back.');
  }
}

/** The list inside an answer: the answer itself, or its first array-valued field among names. */
export function listOf(answer, ...names) {
  if (Array.isArray(answer)) {
    return answer;
  }
  for (const name of names) {
    if (answer && Array.isArray(answer[name])) {
      return answer[name];
    }
  }
  return [];
}
