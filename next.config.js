/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder,
  // and pg has optional native bindings: both stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders the 403 page with status 403 when a role is refused on the server.
  experimental: { authInterrupts: true },
};

export default nextConfig;
