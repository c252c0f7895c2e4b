import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: "Plaudit",
  description: "Employee recognition and rewards: give points, redeem them for gift cards.",
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Rendered for each request, never ahead of time: only then do its scripts carry the request's nonce,
  // without which the Content-Security-Policy stops them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">{children}</body>
    </html>
  );
}
