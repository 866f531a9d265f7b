/** The Baton mark: a baton passed between two hands, drawn as a diagonal bar between two nodes. */
export function Logo({
  className = '',
  withName = true,
  tone = 'dark',
}: {
  className?: string;
  withName?: boolean;
  tone?: 'dark' | 'light';
}) {
  return (
    <span className={`inline-flex items-center gap-2.5 ${className}`}>
      <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true" focusable="false">
        <rect
          width="32"
          height="32"
          rx="8"
          className={tone === 'dark' ? 'fill-brand-600' : 'fill-white/15'}
        />
        <path d="M10 22 22 10" stroke="white" strokeWidth="3.5" strokeLinecap="round" />
        <circle cx="9" cy="23" r="3" fill="white" />
        <circle cx="23" cy="9" r="3" fill="white" fillOpacity="0.7" />
      </svg>
      {withName && (
        <span
          className={`text-lg font-semibold tracking-tight ${tone === 'dark' ? 'text-slate-900' : 'text-white'}`}
        >
          Baton
        </span>
      )}
    </span>
  );
}
