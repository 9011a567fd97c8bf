import type { Metadata } from "next";
import { NewDrillForm } from "@/components/practice/drill-form";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Write a drill" };

export default authedPage({ permission: "practice.author" }, async function NewDrillPage() {
  return (
    <>
      <PageHeader title="Write a drill" description="A short client moment that shows rupture markers, in your own words. Never a real client: make the moment up." />
      <NewDrillForm />
    </>
  );
});
