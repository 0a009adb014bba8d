declare module 'virtual:search-data' {
  /** The text of /search-data.json (src/reading/search/search-data-plugin.ts). */
  const searchData: string;
  export default searchData;
}

declare namespace App {
  type RequestContext = import('#server/app/request-context.ts').RequestContext;

  /**
   * What every on-demand route reads instead of opening the database or loading the campaign
   * itself: set by src/middleware.ts for each request (#server/app/request-context.ts).
   */
  interface Locals extends RequestContext {
    /** Set by the console guard on every /admin/ and /api/admin/ request it lets through. */
    admin?: import('#server/admin/sessions.ts').AdminSession;
  }
}

declare module 'virtual:home-data' {
  /** The home page's facts about the texts (src/reading/home/home-data-plugin.ts). */
  const homeData: import('./reading/home/home-facts.ts').HomeFacts;
  export default homeData;
}
