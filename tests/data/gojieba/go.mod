module gltest

go 1.19

require github.com/yanyiwu/gojieba v1.4.6
