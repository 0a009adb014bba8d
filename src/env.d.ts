declare module 'virtual:search-data' {
  /** The text of /search-data.json (src/reading/search/search-data-plugin.ts). */
  const searchData: string;
  export default searchData;
}
