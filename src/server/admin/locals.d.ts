declare namespace App {
  interface Locals {
    /** Set by the console guard (src/middleware.ts) on every /admin/ and /api/admin/ request it lets through. */
    admin?: import('./sessions.ts').AdminSession;
  }
}
