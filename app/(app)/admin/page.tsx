import { redirect } from "next/navigation";

/** The admin area opens on the settings; the admin layout has already refused anyone else. */
export default function AdminPage() {
  redirect("/admin/settings");
}
