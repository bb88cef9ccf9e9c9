#include "core/storage/s3/xml.h"

#include <cstdint>

namespace regfs::s3 {

namespace {

constexpr int kMaxDepth = 64;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view doc) : d_(doc) {}

  Result<XmlNode> Run() {
    REGFS_RETURN_IF_ERROR(SkipMisc());
    if (pos_ >= d_.size() || d_[pos_] != '<') return Error("no root element");
    XmlNode root;
    REGFS_RETURN_IF_ERROR(Element(&root, 0));
    return root;
  }

 private:
  Status Error(std::string_view what) const {
    return Status::IO("malformed XML from S3 at byte " + std::to_string(pos_) + ": " +
                      std::string(what));
  }

  bool StartsWith(std::string_view s) const { return d_.substr(pos_, s.size()) == s; }

  Status SkipPast(std::string_view end) {
    size_t at = d_.find(end, pos_);
    if (at == std::string_view::npos) return Error("unterminated markup");
    pos_ = at + end.size();
    return Status::OK();
  }

  // Whitespace, the declaration, comments, processing instructions and a DOCTYPE outside
  // the root element.
  Status SkipMisc() {
    for (;;) {
      while (pos_ < d_.size() && IsSpace(d_[pos_])) ++pos_;
      if (StartsWith("<?")) {
        REGFS_RETURN_IF_ERROR(SkipPast("?>"));
      } else if (StartsWith("<!--")) {
        REGFS_RETURN_IF_ERROR(SkipPast("-->"));
      } else if (StartsWith("<!DOCTYPE")) {
        REGFS_RETURN_IF_ERROR(SkipPast(">"));
      } else {
        return Status::OK();
      }
    }
  }

  static std::string_view LocalName(std::string_view qname) {
    size_t colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  }

  // Reads a tag name at pos_.
  std::string_view Name() {
    size_t start = pos_;
    while (pos_ < d_.size() && !IsSpace(d_[pos_]) && d_[pos_] != '>' && d_[pos_] != '/') {
      ++pos_;
    }
    return d_.substr(start, pos_ - start);
  }

  Status Text(std::string_view raw, std::string* out) {
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c != '&') {
        out->push_back(c);
        continue;
      }
      size_t semi = raw.find(';', i);
      if (semi == std::string_view::npos) return Error("unterminated entity");
      std::string_view ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "amp") {
        out->push_back('&');
      } else if (ent == "lt") {
        out->push_back('<');
      } else if (ent == "gt") {
        out->push_back('>');
      } else if (ent == "quot") {
        out->push_back('"');
      } else if (ent == "apos") {
        out->push_back('\'');
      } else if (ent.size() > 1 && ent[0] == '#') {
        uint32_t cp = 0;
        bool hex = ent[1] == 'x' || ent[1] == 'X';
        std::string_view digits = ent.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8) return Error("bad character reference");
        for (char d : digits) {
          int v;
          if (d >= '0' && d <= '9') {
            v = d - '0';
          } else if (hex && d >= 'a' && d <= 'f') {
            v = d - 'a' + 10;
          } else if (hex && d >= 'A' && d <= 'F') {
            v = d - 'A' + 10;
          } else {
            return Error("bad character reference");
          }
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
        }
        if (cp > 0x10FFFF) return Error("bad character reference");
        AppendUtf8(cp, out);
      } else {
        return Error("unknown entity &" + std::string(ent) + ";");
      }
      i = semi;
    }
    return Status::OK();
  }

  // pos_ is at '<' of a start tag.
  Status Element(XmlNode* node, int depth) {
    if (depth >= kMaxDepth) return Error("nesting too deep");
    ++pos_;  // '<'
    std::string_view qname = Name();
    if (qname.empty()) return Error("empty tag name");
    node->name = std::string(LocalName(qname));
    // Attributes are skipped; a '>' inside a quoted value does not end the tag.
    char quote = 0;
    while (pos_ < d_.size()) {
      char c = d_[pos_];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>' || c == '/') {
        break;
      }
      ++pos_;
    }
    if (pos_ >= d_.size()) return Error("unterminated start tag");
    if (d_[pos_] == '/') {
      if (!StartsWith("/>")) return Error("bad empty-element tag");
      pos_ += 2;
      return Status::OK();
    }
    ++pos_;  // '>'
    for (;;) {
      size_t lt = d_.find('<', pos_);
      if (lt == std::string_view::npos) return Error("unterminated element <" + node->name + ">");
      REGFS_RETURN_IF_ERROR(Text(d_.substr(pos_, lt - pos_), &node->text));
      pos_ = lt;
      if (StartsWith("</")) {
        pos_ += 2;
        std::string_view end = Name();
        while (pos_ < d_.size() && IsSpace(d_[pos_])) ++pos_;
        if (pos_ >= d_.size() || d_[pos_] != '>') return Error("unterminated end tag");
        ++pos_;
        if (LocalName(end) != node->name) {
          return Error("</" + std::string(end) + "> closes <" + node->name + ">");
        }
        return Status::OK();
      }
      if (StartsWith("<!--")) {
        REGFS_RETURN_IF_ERROR(SkipPast("-->"));
      } else if (StartsWith("<![CDATA[")) {
        size_t start = pos_ + 9;
        size_t end = d_.find("]]>", start);
        if (end == std::string_view::npos) return Error("unterminated CDATA");
        node->text.append(d_.substr(start, end - start));
        pos_ = end + 3;
      } else if (StartsWith("<?")) {
        REGFS_RETURN_IF_ERROR(SkipPast("?>"));
      } else {
        node->children.emplace_back();
        REGFS_RETURN_IF_ERROR(Element(&node->children.back(), depth + 1));
      }
    }
  }

  std::string_view d_;
  size_t pos_ = 0;
};

}  // namespace

const XmlNode* XmlNode::Child(std::string_view child) const {
  for (const XmlNode& c : children) {
    if (c.name == child) return &c;
  }
  return nullptr;
}

const std::string& XmlNode::ChildText(std::string_view child) const {
  static const std::string kEmpty;
  const XmlNode* c = Child(child);
  return c ? c->text : kEmpty;
}

Result<XmlNode> ParseXml(std::string_view doc) {
  return Parser(doc).Run();
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace regfs::s3
