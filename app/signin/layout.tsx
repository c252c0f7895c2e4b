import type { ReactNode } from "react";
import { LogoMark } from "@/app/_components/logo-mark";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        <p className="flex items-center justify-center gap-2 text-2xl font-bold tracking-tight text-amber-800">
          <LogoMark className="size-9" />
          Plaudit
        </p>
        {children}
      </div>
    </main>
  );
}
