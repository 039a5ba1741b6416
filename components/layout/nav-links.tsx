"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "./nav";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The longest matching prefix is the current section ("/company" must not light up on "/company/employees").
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label="Розділи кабінету" className="order-last flex w-full flex-wrap gap-1 sm:order-none sm:w-auto">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item === current ? "page" : undefined}
          className={cn(
            "whitespace-nowrap rounded-full px-3 py-1.5 text-sm",
            item === current ? "bg-ink text-white" : "hover:bg-black/5",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
