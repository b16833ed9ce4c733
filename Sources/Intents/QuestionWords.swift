/// The words of a question that carry no command: politeness, filler, question words,
/// pronouns that point at the account in focus, and the words of a follow-up ("and …?",
/// "what about …", "那…呢"). One list, read by the natural reader.
enum QuestionWords {
    /// Politeness and filler, English and Chinese: "please", "can you", "show me", "帮我", "一下".
    static let filler: Set<String> = [
        "please", "pls", "plz", "can", "could", "would", "will", "you", "me", "show", "tell", "give", "let", "see", "i", "i'd",
        "need", "want", "like", "to", "the", "a", "an", "of", "for", "on", "in", "about", "what", "whats", "is", "are", "was",
        "were", "be", "been", "how", "do", "does", "did", "we", "our", "us", "with", "and", "so", "now", "then", "quick", "q",
        "hey", "hi", "ok", "okay", "also", "there", "any", "some", "get", "pull", "up", "bring", "look", "at", "quickly", "just",
        "right", "currently", "current", "again", "real", "really", "actually", "thanks", "thx", "cse", "kindly", "one", "it's",
        "have", "has", "had", "got", "gonna", "going", "go", "which", "who", "whose", "where", "when", "them", "their", "they",
        "this", "that", "these", "those", "its", "it", "should", "shall", "may", "might", "must", "all", "every", "here", "by",
        "from", "'s", "as", "same", "another", "mind", "yeah", "yes", "sure", "well", "hmm", "um", "btw", "fyi", "lets", "still", "ones",
        "specifically", "drill", "into", "more", "etc", "please?", "he", "she", "his", "her", "him", "thing", "things", "stuff", "anything",
        "everything", "everyone", "anyone", "somebody", "someone", "i'm", "im", "ok,", "alright", "guess", "think", "say", "says", "said", "whole",
        "across", "overall", "up?", "off", "out", "much", "many", "lot", "lots", "very", "too",
        "帮", "我", "帮我", "请", "一下", "下", "给", "看", "看看", "看下", "查", "查查", "查一下", "的", "了", "吗", "呢", "吧",
        "啊", "呀", "么", "我们", "一", "个", "这", "那", "些", "有", "是", "在", "对", "跟", "和", "与", "把", "下", "要", "想",
        "能", "可以", "麻烦", "谢谢", "现在", "目前", "当前", "还", "再", "都", "就", "又", "也", "它", "他们", "她", "他", "该",
        "什", "么", "什么", "哪", "哪些", "最", "近", "最近", "号", "到", "啥", "怎", "咋", "谁", "多", "少", "多少", "些", "儿", "呗", "嘛",
        "的话", "话", "先", "下", "其", "中", "里", "边", "着", "过", "被", "让", "去", "来", "会", "家", "位", "份", "说", "道",
    ]

    /// Words that stand for the account in focus: "is it at risk?", "show its trend", "它会流失吗".
    static let pronouns: Set<String> = ["it", "its", "they", "them", "their", "theirs", "this", "that", "这个", "那个", "它", "他们", "该"]
    /// Pronoun phrases: "this account", "that one", "这个客户", "这家".
    static let pronounPhrases: [[String]] = [["this", "account"], ["that", "account"], ["this", "one"], ["that", "one"],
                                             ["the", "account"], ["这", "个", "客", "户"], ["那", "个", "客", "户"], ["这", "家"], ["该", "客", "户"]]

    /// Words that make a line a follow-up on the last answer: "and Acme?", "what about Tyrell", "那Acme呢".
    static let followUp: Set<String> = ["and", "what", "about", "how", "same", "for", "now", "then", "also", "那", "呢", "那么",
                                        "还有", "再", "换成", "看", "vs", "instead", "only", "just", "too", "back", "回到", "列表", "list", "make",
                                        "只", "只看", "只要", "换", "成", "these", "those", "详细", "说说", "详细说说", "more"]

    /// Words that go back to an answer in focus: "only enterprise", "back to the list", "which of these", "只看".
    static let goingBack: Set<String> = ["only", "just", "back", "these", "those", "them", "回到", "列表", "只", "这些", "那些"]

    /// Words that ask about the book, not the account in focus: "which", "who", "哪些".
    static let bookWords: Set<String> = ["who", "which", "anyone", "everyone", "book", "accounts", "customers", "clients", "all", "哪", "谁", "所", "客", "户"]

    /// Words that make a line a question (no change to the workspace is read from one): first
    /// in an English line, anywhere in a Chinese one.
    static let askingFirst: Set<String> = ["what", "which", "who", "whose", "how", "where", "when", "why", "is", "are", "does", "do", "did", "any", "has", "have"]
    static let questionWords: Set<String> = ["哪", "什么", "谁", "吗", "多少", "怎么", "啥", "有没有", "是否"]

    /// Words that join free text to what the reader took out of it, at its ends: "add a task
    /// for Acme to call Maria" keeps "call Maria"; "note on Hooli: …" keeps what follows the
    /// colon. A preposition stays: "… on the call" is said of the event.
    static let connectors: Set<String> = [":", "：", "-", "—", "–", ",", "，", "to", "that", "saying", "says", "again", "'s", "a", "an", "the",
                                          "提到", "说", "了"]

    /// Words before an account that tie it to the sentence: "for Acme", "给Acme", "和Umbrella".
    static let beforeAccount: Set<String> = ["for", "to", "with", "on", "at", "of", "about", "from", "给", "对", "跟", "和", "把", "帮", "替"]
}
