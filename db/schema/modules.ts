// Tables for this area are added here.
export {};
