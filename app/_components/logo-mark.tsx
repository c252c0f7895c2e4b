/** Plaudit's mark: a spark on amber, as in the favicon (app/icon.svg). */
export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={`shrink-0 ${className}`}>
      <rect width="32" height="32" rx="8" fill="#b45309" />
      <path d="M16 5.5l2.8 7.7 7.7 2.8-7.7 2.8-2.8 7.7-2.8-7.7-7.7-2.8 7.7-2.8z" fill="#fff" />
      <circle cx="24.5" cy="7.5" r="2" fill="#fde68a" />
    </svg>
  );
}
