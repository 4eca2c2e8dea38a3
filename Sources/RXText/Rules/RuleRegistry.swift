/// Every lint rule rxtext ships. A test checks that each rule type in the module is listed here
/// once and that ids are unique.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        DomainSpellingRule.self,
        NearGlossaryTermRule.self,
        SpellingConsistencyRule.self,
        DoubledWordRule.self,
        DerivationalRedundancyRule.self,
        OfTheSameRule.self,
        RepeatedNounRule.self,
        NameAroundWordRule.self,
        SurnameCalqueRule.self,
        GlossaryCalqueRule.self,
        MotorForEngineRule.self,
        MasteryForChampionshipRule.self,
        PointsBeforeAfterRule.self,
        FinnishAbbreviationRule.self,
        FinnishTextRule.self,
        FinnishWordRule.self,
        CaseEndingRule.self,
        LowercaseSentenceStartRule.self,
        ItForDriverRule.self,
        GenderSlipRule.self,
        WebBoilerplateRule.self,
        InvisibleCharacterRule.self,
        MixedScriptRule.self,
    ]

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
