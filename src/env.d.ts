declare module 'virtual:search-data' {
  /** The text of /search-data.json (src/reading/search/search-data-plugin.ts). */
  const searchData: string;
  export default searchData;
}

declare module 'virtual:home-data' {
  /** The home page's facts about the texts (src/reading/home/home-data-plugin.ts). */
  const homeData: import('./reading/home/home-facts.ts').HomeFacts;
  export default homeData;
}
