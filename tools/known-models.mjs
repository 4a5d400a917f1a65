// Looks up forty well-known language models of 2018–2026 in a running service, as a researcher would:
// by the name they are known by (search, models only), and prints a Markdown table of what the first
// hit is, its release date and its developers, and how many are found dated with a developer.
// Whether each hit is the model meant is for a reader to judge from the table; the list is fixed here
// so a later graph can be checked against the same names.
//
//   node tools/known-models.mjs [http://127.0.0.1:4000]
const url = `${process.argv[2] ?? 'http://127.0.0.1:4000'}/graphql`;
const KNOWN = [
  ['GPT', 2018], ['BERT', 2018], ['GPT-2', 2019], ['T5', 2019], ['GPT-3', 2020], ['Gopher', 2021],
  ['PaLM', 2022], ['Chinchilla', 2022], ['OPT-175B', 2022], ['BLOOM', 2022], ['GPT-3.5', 2022],
  ['LLaMA', 2023], ['GPT-4', 2023], ['Llama 2', 2023], ['Claude 2', 2023], ['Mistral 7B', 2023],
  ['Mixtral 8x7B', 2023], ['Gemini 1.0 Ultra', 2023], ['Claude 3 Opus', 2024], ['Llama 3 70B', 2024],
  ['GPT-4o', 2024], ['Gemini 1.5 Pro', 2024], ['DeepSeek-V2', 2024], ['Qwen2 72B', 2024],
  ['Llama 3.1 405B', 2024], ['o1', 2024], ['DeepSeek-V3', 2024], ['DeepSeek-R1', 2025], ['GPT-4.1', 2025],
  ['Claude Opus 4', 2025], ['Gemini 2.5 Pro', 2025], ['Llama 4 Maverick', 2025], ['Qwen3 235B', 2025],
  ['Gemma 3 27B', 2025], ['Kimi K2', 2025], ['GLM-4.5', 2025], ['GPT-5', 2025], ['GPT-5.5', 2026],
  ['Claude Opus 4.7', 2026], ['Gemini 3.1 Pro', 2026],
];
const QUERY = `query Known($q: String!) { search(query: $q, types: [MODEL], first: 1) {
  entity { id name ... on Model { releaseDate developers { name } } } } }`;

const rows = [];
for (const [name, year] of KNOWN) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { q: name } }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${name}: ${body.errors[0].message}`);
  const hit = body.data.search[0]?.entity;
  rows.push({ name, year, hit, found: Boolean(hit?.releaseDate && hit.developers.length > 0) });
}
console.log('| known as | year | first hit (id) | release date | developers |');
console.log('| --- | --- | --- | --- | --- |');
for (const { name, year, hit } of rows)
  console.log(
    `| ${name} | ${year} | ${hit ? `${hit.name} (${hit.id})` : '—'} | ${hit?.releaseDate ?? '—'} | ${hit?.developers.map((d) => d.name).join(', ') || '—'} |`,
  );
console.log(`\n${rows.filter((r) => r.found).length} of ${rows.length} found with a release date and a developer.`);
