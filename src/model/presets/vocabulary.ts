interface VocabularyEntry {
  id: string;
  label: { en: string; nl: string };
}

/** Topic and sector vocabularies shared by the presets; a programme may replace them with its own. */
export const defaultTopics: VocabularyEntry[] = [
  { id: "strategy", label: { en: "strategy", nl: "strategie" } },
  { id: "growth", label: { en: "growth", nl: "groei" } },
  { id: "sales", label: { en: "sales", nl: "verkoop" } },
  { id: "marketing", label: { en: "marketing", nl: "marketing" } },
  { id: "pricing", label: { en: "pricing", nl: "prijsstelling" } },
  { id: "financing", label: { en: "financing", nl: "financiering" } },
  { id: "subsidies", label: { en: "subsidies", nl: "subsidies" } },
  { id: "investor-readiness", label: { en: "investor readiness", nl: "investeerdersgereedheid" } },
  { id: "export", label: { en: "export and internationalisation", nl: "export en internationalisering" } },
  { id: "hr", label: { en: "hiring and people", nl: "personeel" } },
  { id: "leadership", label: { en: "leadership", nl: "leiderschap" } },
  { id: "operations", label: { en: "operations", nl: "bedrijfsvoering" } },
  { id: "product", label: { en: "product development", nl: "productontwikkeling" } },
  { id: "innovation", label: { en: "innovation", nl: "innovatie" } },
  { id: "crisis", label: { en: "crisis and restructuring", nl: "crisis en herstructurering" } },
  { id: "regulation", label: { en: "regulation and permits", nl: "regelgeving en vergunningen" } },
  { id: "legal", label: { en: "legal", nl: "juridisch" } },
  { id: "succession", label: { en: "business succession", nl: "bedrijfsopvolging" } },
  { id: "mergers-acquisitions", label: { en: "mergers and acquisitions", nl: "fusies en overnames" } },
  { id: "digital", label: { en: "digitalisation", nl: "digitalisering" } },
  { id: "sustainability", label: { en: "sustainability", nl: "duurzaamheid" } },
];

export const defaultSectors: VocabularyEntry[] = [
  { id: "agrifood", label: { en: "agriculture and food", nl: "agrifood" } },
  { id: "maritime", label: { en: "maritime", nl: "maritiem" } },
  { id: "water-technology", label: { en: "water technology", nl: "watertechnologie" } },
  { id: "manufacturing", label: { en: "manufacturing", nl: "maakindustrie" } },
  { id: "construction", label: { en: "construction", nl: "bouw" } },
  { id: "retail", label: { en: "retail", nl: "detailhandel" } },
  { id: "hospitality", label: { en: "hospitality and tourism", nl: "horeca en toerisme" } },
  { id: "ict", label: { en: "software and ICT", nl: "software en ICT" } },
  { id: "creative", label: { en: "creative industries", nl: "creatieve sector" } },
  { id: "healthcare", label: { en: "health and care", nl: "zorg" } },
  { id: "energy", label: { en: "energy", nl: "energie" } },
  { id: "logistics", label: { en: "logistics", nl: "logistiek" } },
  { id: "business-services", label: { en: "business services", nl: "zakelijke dienstverlening" } },
];
