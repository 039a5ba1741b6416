import { withAuth } from "next-auth/middleware";

// A first gate only: it sends anonymous visitors of a cabinet to the login page.
// Roles are checked on the server by every page (requireActor) and every domain function.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/company/:path*", "/ministry/:path*", "/me/:path*", "/unit/:path*", "/admin/:path*"],
};
