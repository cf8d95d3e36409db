import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// When to colour output: `auto` colours only a terminal without `NO_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
