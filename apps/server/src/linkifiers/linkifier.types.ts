/** A row of `realm_filters`. */
export interface RealmFilter {
  id: number;
  realm_id: number;
  pattern: string;
  url_template: string;
  order: number;
}
