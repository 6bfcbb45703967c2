/** Who may read the territory: it is open data, so anyone; a partner key needs the read:territory scope. */
export const territoryReaders = { public: true, partner: "read:territory" } as const;
